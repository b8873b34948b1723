/**
 * Reading job logs whose size is unbounded and whose encoding varies per line (UTF-8 or GBK):
 * tails read backwards from the end, streams decode one line at a time, offsets allow resuming.
 */
package ai.minimind.server.logs;
