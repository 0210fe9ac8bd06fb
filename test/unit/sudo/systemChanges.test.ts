import * as assert from 'node:assert/strict';
import { splitShell } from '../../../language-server/src/sudo/shellCommands';
import { classifyCommand, sysctlNameOfPath, type Effect } from '../../../language-server/src/sudo/systemChanges';

function classify(shell: string): Effect[] {
  const [c] = splitShell(shell).filter((s) => s.words[0]?.text !== '[');
  return classifyCommand(c.words.map((w) => ({ text: w.text, dynamic: w.dynamic })), c.redirects);
}
const one = (shell: string) => {
  const [e] = classify(shell);
  return [e.action, e.resource, e.value];
};

describe('classifyCommand', () => {
  it('tc qdisc add ↔ del on the same device and parent', () => {
    const [add] = classify('tc qdisc add dev lo root netem delay 50ms');
    assert.deepEqual([add.action, add.resource, add.netem, add.undo], ['add', 'qdisc dev lo root', true, 'tc qdisc del dev lo root']);
    assert.equal(add.summary, 'adds a 50 ms netem delay on lo');
    assert.deepEqual(one('tc qdisc delete dev lo root'), ['remove', 'qdisc dev lo root', undefined]);
    assert.deepEqual(one('/sbin/tc qdisc replace dev eth0 root tbf rate 1mbit'), ['add', 'qdisc dev eth0 root', undefined]);
  });
  it('sysctl NAME=V and echo V > /proc/sys/NAME are the same setting', () => {
    assert.deepEqual(one('sysctl -q -w net.ipv4.tcp_fastopen=3'), ['set', 'sysctl net.ipv4.tcp_fastopen', '3']);
    assert.deepEqual(one('sysctl net/ipv4/tcp_fastopen=1'), ['set', 'sysctl net.ipv4.tcp_fastopen', '1']);
    assert.deepEqual(one('[ -e /proc/sys/net/ipv4/tcp_fastopen ] && echo 3 > /proc/sys/net/ipv4/tcp_fastopen'), ['set', 'sysctl net.ipv4.tcp_fastopen', '3']);
    assert.equal(sysctlNameOfPath('/proc/sys/net/ipv4/tcp_fastopen_blackhole_timeout_sec'), 'net.ipv4.tcp_fastopen_blackhole_timeout_sec');
  });
  it('knows a saved value from a fixed one, and a save from a read', () => {
    const [restore] = classify('cat DIR/test-saved-x > /proc/sys/net/x');
    assert.equal(restore.valueIsSaved, true);
    assert.equal(classify('sysctl -w net.x="$(cat f)"')[0].valueIsSaved, true);
    assert.deepEqual(one('cat /proc/sys/net/x > DIR/test-saved-x'), ['save', 'sysctl net.x', undefined]);
    assert.deepEqual(one('sysctl -n net.x > f'), ['save', 'sysctl net.x', undefined]);
    assert.equal(classify('sysctl net.x')[0].action, 'other');
  });
  it('ip tcp_metrics delete/flush clears a cache with nothing to undo', () => {
    const [e] = classify('ip tcp_metrics delete 127.0.0.1');
    assert.equal(e.action, 'clear');
    assert.match(e.summary, /nothing to undo/);
    assert.equal(classify('ip tcp_metrics flush')[0].action, 'clear');
  });
  it('iptables, nft, ip link/addr/route and modules pair add with remove', () => {
    const [rule] = classify('iptables -t filter -A INPUT -p tcp --dport 25 -j DROP');
    assert.equal(rule.action, 'add');
    assert.deepEqual(one('iptables -t filter -D INPUT -p tcp --dport 25 -j DROP'), ['remove', rule.resource, undefined]);
    assert.deepEqual(one('iptables -F INPUT'), ['remove', 'iptables filter INPUT *', undefined]);
    assert.deepEqual(one('nft add table inet t'), ['add', 'nft inet t', undefined]);
    assert.deepEqual(one('nft delete table inet t'), ['remove', 'nft inet t *', undefined]);
    assert.deepEqual(one('ip link add dummy0 type dummy'), ['add', 'ip link dummy0', undefined]);
    assert.deepEqual(one('ip link del dummy0'), ['remove', 'ip link dummy0', undefined]);
    assert.deepEqual(one('ip -6 addr add ::2/128 dev lo'), ['add', 'ip addr ::2/128 dev lo', undefined]);
    assert.deepEqual(one('ip route add 10.0.0.0/8 via 127.0.0.1'), ['add', 'ip route 10.0.0.0/8 via 127.0.0.1', undefined]);
    assert.deepEqual(one('modprobe sch_netem'), ['add', 'module sch_netem', undefined]);
    assert.deepEqual(one('rmmod sch_netem'), ['remove', 'module sch_netem', undefined]);
  });
  it('anything else only runs as root', () => {
    assert.deepEqual(classify('kill -HUP 123').map((e) => [e.action, e.summary]), [['other', 'runs as root: `kill -HUP 123`']]);
  });
});
