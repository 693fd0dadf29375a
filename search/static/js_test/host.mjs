// host.mjs: the export read from disk as a static host serves it, for the engine tests.
import fs from 'node:fs';

// host reads the export from disk the way fetch reads it from a static host: one range as 206,
// several as a multipart/byteranges 206 when multi is set, else as the client's fetch reports a
// host that answers them with the whole file (status 200, body not read).
export function host(multi) {
  const get = (url, range) => {
    const body = read(url);
    get.requests++;
    if (!range) return Promise.resolve({ status: 200, body: new Uint8Array(body) });
    const rs = range[0].length ? range : [range];
    for (const [a, b] of rs) if (a >= b) throw new Error(`empty range ${a}-${b} of ${url}: a host answers 416`);
    if (rs.length === 1) return Promise.resolve({ status: 206, body: new Uint8Array(body.subarray(rs[0][0], rs[0][1])) });
    if (!multi) return Promise.resolve({ status: 200 });
    const enc = new TextEncoder(), chunks = [];
    for (const [a, b] of rs) chunks.push(enc.encode(`\r\n--3d6b6a416f9b5\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes ${a}-${b - 1}/${body.length}\r\n\r\n`), body.subarray(a, b));
    chunks.push(enc.encode('\r\n--3d6b6a416f9b5--\r\n'));
    return new Blob(chunks).arrayBuffer().then((a) => ({ status: 206, type: 'multipart/byteranges; boundary=3d6b6a416f9b5', body: new Uint8Array(a) }));
  };
  get.requests = 0;
  return get;
}

// read keeps the files read: the export does not change while the tests run.
const files = new Map();
function read(file) {
  if (!files.has(file)) files.set(file, fs.readFileSync(file));
  return files.get(file);
}
