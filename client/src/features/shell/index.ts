/** The frame around every signed-in screen, and the page for an address that leads nowhere. */
export { NotFoundPage } from './NotFoundPage';
export { Shell } from './Shell';
