/** content/navigation.json, parsed once per build rather than once per page. */
import navigationData from '../../content/navigation.json';
import { parseNavigation } from '../lib/navigation';

export const navigation = parseNavigation(navigationData);
