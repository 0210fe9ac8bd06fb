/**
 * What one root command does to the machine, in terms of change and undo: a qdisc added and
 * deleted, a sysctl set and set back, firewall rules, links, addresses, routes and modules
 * added and removed, caches cleared. Anything else is only "runs as root".
 */
import type { Redirect } from './shellCommands';

export type Action =
  | 'add' //    creates something that a matching `remove` takes away
  | 'remove' // takes away what an `add` created (a key ending in ` *` takes everything under it)
  | 'set' //    gives a setting a value; the first `set` is the change, a later one its undo
  | 'save' //   reads a setting's current value into a file or variable
  | 'clear' //  wipes state that needs no restoring (cached TCP metrics)
  | 'other'; // anything else: runs as root, no verdict

export type ResourceKind = 'qdisc' | 'sysctl' | 'firewall' | 'nft' | 'link' | 'address' | 'route' | 'module';

export interface Effect {
  action: Action;
  kind?: ResourceKind;
  /** The part of the machine, e.g. `qdisc dev lo root`, `sysctl net.ipv4.tcp_fastopen`. */
  resource?: string;
  value?: string;
  /** The value comes back from where it was saved (a file, a variable, a command substitution). */
  valueIsSaved?: boolean;
  /** In our words: "adds a 50 ms netem delay on lo". */
  summary: string;
  /** For an `add`: the shell command that undoes it. */
  undo?: string;
  netem?: boolean;
}

export interface Word {
  text: string;
  dynamic: boolean;
}

export function sysctlNameOfPath(path: string): string | undefined {
  const m = /^\/proc\/sys\/(.+)$/.exec(path);
  return m ? m[1].replace(/\/+$/, '').replace(/\//g, '.') : undefined;
}

export function procPathOfSysctl(name: string): string {
  return `/proc/sys/${name.replace(/\./g, '/')}`;
}

/** FreeBSD and macOS names (`net.inet.…`, `kern.…`) have no /proc/sys file. */
export function isLinuxSysctl(name: string): boolean {
  return !/^(net\.inet6?|kern|hw|security)\./.test(name);
}

export function classifyCommand(words: Word[], redirects: Redirect[]): Effect[] {
  const text = words.map((w) => w.text).join(' ');
  const name = (words[0]?.text ?? '').replace(/^.*\//, '');
  const args = words.slice(1);
  const written = redirects.find((r) => (r.op === '>' || r.op === '>>') && r.fd !== 2);
  const procTarget = written && sysctlNameOfPath(written.target.text);
  if (procTarget) return [writeToSysctl(procTarget, name, args)];
  if (name === 'cat' && written && args.length === 1) {
    const saved = sysctlNameOfPath(args[0].text);
    if (saved) return [{ action: 'save', kind: 'sysctl', resource: `sysctl ${saved}`, summary: `saves the current value of ${saved} in ${written.target.text}` }];
  }
  switch (name) {
    case 'sysctl': return sysctl(args, written);
    case 'tc': return tc(args) ?? [other(text)];
    case 'ip': return ip(args) ?? [other(text)];
    case 'iptables': case 'ip6tables': return firewall(name, args) ?? [other(text)];
    case 'nft': return nft(args) ?? [other(text)];
    case 'modprobe': case 'rmmod': case 'insmod': return modules(name, args) ?? [other(text)];
    default: return [other(text)];
  }
}

function other(text: string): Effect {
  return { action: 'other', summary: `runs as root: \`${text}\`` };
}

function writeToSysctl(sysctlName: string, name: string, args: Word[]): Effect {
  const resource = `sysctl ${sysctlName}`;
  if ((name === 'echo' || name === 'printf') && args.length && !args.some((a) => a.dynamic)) {
    const value = args.filter((a) => !/^-[neE]+$/.test(a.text)).map((a) => a.text).join(' ');
    return { action: 'set', kind: 'sysctl', resource, value, summary: `sets ${sysctlName} to ${value}` };
  }
  const from = name === 'cat' && args.length === 1 ? args[0].text : undefined;
  return { action: 'set', kind: 'sysctl', resource, valueIsSaved: true, value: from ? `the value saved in ${from}` : 'a value worked out when it runs',
    summary: `sets ${sysctlName} back to ${from ? `the value saved in ${from}` : 'a value worked out when it runs'}` };
}

function sysctl(args: Word[], written: Redirect | undefined): Effect[] {
  const effects: Effect[] = [];
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i].text;
    if (a === '-p' || a === '--load' || a === '-f') { file = args[i + 1]?.text ?? '/etc/sysctl.conf'; i++; continue; }
    if (a === '--system') { file = 'the system sysctl files'; continue; }
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    if (eq < 0) {
      if (written) effects.push({ action: 'save', kind: 'sysctl', resource: `sysctl ${normalise(a)}`, summary: `saves the current value of ${normalise(a)} in ${written.target.text}` });
      else effects.push({ action: 'other', summary: `reads ${normalise(a)}` });
      continue;
    }
    const key = normalise(a.slice(0, eq));
    const value = a.slice(eq + 1);
    if (args[i].dynamic) {
      effects.push({ action: 'set', kind: 'sysctl', resource: `sysctl ${key}`, value: 'a value worked out when it runs', valueIsSaved: true, summary: `sets ${key} back to a saved value (\`${value}\`)` });
    } else {
      effects.push({ action: 'set', kind: 'sysctl', resource: `sysctl ${key}`, value, summary: `sets ${key} to ${value}` });
    }
  }
  if (file) effects.push({ action: 'other', summary: `loads sysctl settings from ${file}` });
  return effects.length ? effects : [{ action: 'other', summary: 'runs sysctl' }];
}

/** `net/ipv4/tcp_fastopen` and `net.ipv4.tcp_fastopen` name the same setting. */
function normalise(key: string): string {
  return key.replace(/\//g, '.');
}

function tc(args: Word[]): Effect[] | undefined {
  const a = args.map((w) => w.text);
  if (a[0] !== 'qdisc') return undefined;
  const verb = a[1];
  const devAt = a.indexOf('dev');
  const dev = devAt >= 0 ? a[devAt + 1] : undefined;
  if (!dev) return undefined;
  const where = a.includes('root') ? 'root' : a.includes('ingress') ? 'ingress' : a.includes('clsact') ? 'clsact' : a.includes('parent') ? `parent ${a[a.indexOf('parent') + 1]}` : 'root';
  const resource = `qdisc dev ${dev} ${where}`;
  if (verb === 'del' || verb === 'delete') return [{ action: 'remove', kind: 'qdisc', resource, summary: `removes the ${where} qdisc of ${dev}, back to the kernel's default` }];
  if (verb === 'add' || verb === 'replace' || verb === 'change') {
    const kindAt = Math.max(a.indexOf(where.split(' ')[0]) + where.split(' ').length, devAt + 2);
    const handleSkip = a[kindAt] === 'handle' ? 2 : 0;
    const qdisc = a[kindAt + handleSkip] ?? 'a';
    const params = a.slice(kindAt + handleSkip + 1);
    const netem = qdisc === 'netem';
    return [{ action: 'add', kind: 'qdisc', resource, netem, summary: netem ? netemSummary(params, dev) : `adds a ${qdisc} qdisc (${params.join(' ')}) at the ${where} of ${dev}`,
      undo: `tc qdisc del dev ${dev} ${where}` }];
  }
  if (verb === 'show' || verb === 'ls' || verb === 'list') return [{ action: 'other', summary: `shows the qdiscs of ${dev}` }];
  return undefined;
}

function netemSummary(params: string[], dev: string): string {
  const parts: string[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 'delay' && params[i + 1]) parts.push(`${duration(params[i + 1])}${params[i + 2] && /^\d/.test(params[i + 2]) ? ` (± ${duration(params[i + 2])})` : ''} delay`);
    if (p === 'loss' && params[i + 1]) parts.push(`${params[i + 1] === 'random' ? params[i + 2] ?? '' : params[i + 1]} packet loss`);
    if (p === 'rate' && params[i + 1]) parts.push(`${params[i + 1]} rate limit`);
  }
  if (parts.length === 1 && parts[0].endsWith(' delay')) return `adds a ${parts[0].replace(/ delay$/, ' netem delay')} on ${dev}`;
  return `adds a netem qdisc on ${dev}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

function duration(spec: string): string {
  const m = /^(\d+(?:\.\d+)?)(us|usec|ms|msec|s|sec)?$/.exec(spec);
  if (!m) return spec;
  const unit = m[2] === 'us' || m[2] === 'usec' ? 'µs' : m[2] === 's' || m[2] === 'sec' ? 's' : 'ms';
  return `${m[1]} ${unit}`;
}

function ip(args: Word[]): Effect[] | undefined {
  const a = args.map((w) => w.text).filter((w, i, all) => !/^-[46]$/.test(w) && !(all[i - 1] === '-f'));
  const [object, verb, ...rest] = a.filter((w) => w !== '-f');
  if (/^tcp_?m(etrics)?$|^tcpm$/.test(object ?? '')) {
    if (verb === 'delete' || verb === 'del' || verb === 'flush') {
      const what = rest.length ? rest.join(' ') : 'every address';
      return [{ action: 'clear', summary: `clears the kernel's cached TCP metrics for ${what} (including its TFO cookie): a cache wipe, nothing to undo` }];
    }
    return [{ action: 'other', summary: `shows cached TCP metrics${rest.length ? ` for ${rest.join(' ')}` : ''}` }];
  }
  const objects: Record<string, ResourceKind> = { link: 'link', l: 'link', addr: 'address', address: 'address', a: 'address', route: 'route', r: 'route', ro: 'route' };
  const kind = objects[object ?? ''];
  if (!kind) return undefined;
  const canonical = kind === 'address' ? 'addr' : kind;
  const adding = verb === 'add' || verb === 'a' || (kind === 'route' && verb === 'replace');
  const removing = verb === 'del' || verb === 'delete' || verb === 'd';
  if (!adding && !removing) return [{ action: 'other', summary: `runs as root: \`ip ${a.join(' ')}\`` }];
  const spec = kind === 'link' ? (rest[0] === 'name' ? rest[1] : rest[0]) ?? '' : rest.join(' ');
  const resource = `ip ${canonical} ${spec}`;
  if (removing) return [{ action: 'remove', kind, resource, summary: `deletes ${kind} ${spec}` }];
  return [{ action: 'add', kind, resource, summary: `adds ${kind} ${kind === 'link' ? `${spec} (${rest.slice(1).join(' ')})` : spec}`, undo: `ip ${canonical} del ${spec}` }];
}

function firewall(name: string, args: Word[]): Effect[] | undefined {
  const a = args.map((w) => w.text);
  let table = 'filter';
  const spec: string[] = [];
  let verb: string | undefined;
  let chain: string | undefined;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '-t' || a[i] === '--table') { table = a[++i] ?? table; continue; }
    if (!verb && /^(-[AIDNXF]|--(append|insert|delete|new-chain|delete-chain|flush))$/.test(a[i])) {
      verb = a[i];
      chain = a[i + 1] && !a[i + 1].startsWith('-') ? a[++i] : undefined;
      if ((verb === '-I' || verb === '--insert') && /^\d+$/.test(a[i + 1] ?? '')) i++;
      continue;
    }
    spec.push(a[i]);
  }
  if (!verb) return undefined;
  const base = `${name} ${table}${chain ? ` ${chain}` : ''}`;
  const rule = `${base} ${spec.join(' ')}`;
  switch (verb) {
    case '-A': case '--append': case '-I': case '--insert':
      return [{ action: 'add', kind: 'firewall', resource: rule, summary: `adds the firewall rule \`${spec.join(' ')}\` to ${table}/${chain}`, undo: `${name} -t ${table} -D ${chain} ${spec.join(' ')}` }];
    case '-D': case '--delete': return [{ action: 'remove', kind: 'firewall', resource: rule, summary: `deletes the firewall rule \`${spec.join(' ')}\` from ${table}/${chain}` }];
    case '-N': case '--new-chain': return [{ action: 'add', kind: 'firewall', resource: `${base} chain`, summary: `creates the chain ${chain} in ${table}`, undo: `${name} -t ${table} -X ${chain}` }];
    case '-X': case '--delete-chain': return [{ action: 'remove', kind: 'firewall', resource: `${base} chain`, summary: `deletes the chain ${chain} from ${table}` }];
    default: return [{ action: 'remove', kind: 'firewall', resource: `${base} *`, summary: `flushes ${chain ? `the chain ${chain}` : 'every chain'} of ${table}` }];
  }
}

function nft(args: Word[]): Effect[] | undefined {
  const a = args.map((w) => w.text).filter((w) => !w.startsWith('-'));
  const [verb, object, ...rest] = a;
  if (verb === 'flush' && object === 'ruleset') return [{ action: 'remove', kind: 'nft', resource: 'nft *', summary: 'flushes the whole nftables ruleset' }];
  if (object !== 'table' && object !== 'chain' && object !== 'rule') return undefined;
  const families = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev'];
  const family = families.includes(rest[0]) ? rest.shift()! : 'ip';
  const table = rest.shift() ?? '';
  const key = `nft ${family} ${table}`;
  if (object === 'table' && (verb === 'add' || verb === 'create')) return [{ action: 'add', kind: 'nft', resource: key, summary: `creates the nftables table ${family} ${table}`, undo: `nft delete table ${family} ${table}` }];
  if (object === 'table' && (verb === 'delete' || verb === 'destroy' || verb === 'flush')) return [{ action: 'remove', kind: 'nft', resource: `${key} *`, summary: `${verb === 'flush' ? 'flushes' : 'deletes'} the nftables table ${family} ${table}` }];
  if (verb === 'add' || verb === 'insert' || verb === 'create') {
    return [{ action: 'add', kind: 'nft', resource: `${key} ${object} ${rest.join(' ')}`, summary: `adds the nftables ${object} \`${rest.join(' ')}\` to ${family} ${table}` }];
  }
  return undefined;
}

function modules(name: string, args: Word[]): Effect[] | undefined {
  const removing = name === 'rmmod' || args.some((w) => w.text === '-r' || w.text === '--remove');
  const module = args.find((w) => !w.text.startsWith('-'))?.text.replace(/^.*\//, '').replace(/\.ko$/, '');
  if (!module) return undefined;
  const resource = `module ${module}`;
  if (removing) return [{ action: 'remove', kind: 'module', resource, summary: `unloads the kernel module ${module}` }];
  return [{ action: 'add', kind: 'module', resource, summary: `loads the kernel module ${module} (if it was loaded already, an unload takes away what was there before)`, undo: `modprobe -r ${module}` }];
}
