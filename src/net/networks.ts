import { BlockList, isIP } from 'node:net';

/**
 * A set of networks given as addresses and CIDR blocks, IPv4 and IPv6. Node's
 * BlockList does the matching; an IPv4 address seen as IPv4-mapped IPv6
 * (`::ffff:10.1.2.3`, as dual-stack sockets report it) is checked as IPv4.
 */
export class NetworkList {
  readonly #list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[]) {
    for (const entry of entries) addEntry(this.#list, entry);
    this.entries = entries;
  }

  includes(address: string | undefined): boolean {
    if (address === undefined) return false;
    const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
    const family = isIP(plain);
    if (family === 0) return false;
    return this.#list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
}

export class NetworkEntryError extends Error {
  override name = 'NetworkEntryError';
  readonly code = 'NETWORK_ENTRY_INVALID';
}

function addEntry(list: BlockList, entry: string): void {
  const [address = '', prefixText, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined)
    throw new NetworkEntryError(`not an address or CIDR: ${entry}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) {
    list.addAddress(address, type);
    return;
  }
  const prefix = Number(prefixText);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || prefix > max) {
    throw new NetworkEntryError(`prefix must be 0 to ${max}: ${entry}`);
  }
  list.addSubnet(address, prefix, type);
}
