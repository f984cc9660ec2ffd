// The dictionary's expansion in a worker thread (see expand-dictionary.mjs): it sends the packed
// list back, transferring its buffers, and ends, taking nspell's heap with it.
import { parentPort } from 'node:worker_threads';
import { expandDictionary } from './expand-dictionary.mjs';

const { bytes, offsets } = expandDictionary();
parentPort.postMessage({ bytes, offsets }, [bytes.buffer, offsets.buffer]);
