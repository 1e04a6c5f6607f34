/** The envelope of every postMessage between a widget and its host page (see protocol.ts). */
export const MESSAGE_SOURCE = 'dl-playground';
export const PROTOCOL_VERSION = 1;
