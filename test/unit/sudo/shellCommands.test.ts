import * as assert from 'node:assert/strict';
import { splitShell } from '../../../language-server/src/sudo/shellCommands';

describe('splitShell', () => {
  it('splits ; && || | and keeps each command where it is', () => {
    const text = 'a x; b && c || d | e';
    const commands = splitShell(text);
    assert.deepEqual(commands.map((c) => [text.slice(c.from, c.to), c.joinedBy]), [['a x', undefined], ['b', ';'], ['c', '&&'], ['d', '||'], ['e', '|']]);
  });
  it('reads redirections and makes a [ … ] before && the guard', () => {
    const [test, echo] = splitShell('[ -e /proc/sys/x ] && echo 0 > /proc/sys/x');
    assert.deepEqual(test.words.map((w) => w.text), ['[', '-e', '/proc/sys/x', ']']);
    assert.deepEqual(echo.words.map((w) => w.text), ['echo', '0']);
    assert.deepEqual(echo.redirects.map((r) => [r.op, r.target.text]), [['>', '/proc/sys/x']]);
    assert.equal(echo.guard, test);
  });
  it('removes quotes, marks $… and backticks as dynamic, and knows fd redirections', () => {
    const [c] = splitShell(`sysctl 'a b' "x=$(cat f)" y=\`cat g\` 2>/dev/null 1>&2`);
    assert.deepEqual(c.words.map((w) => [w.text, w.dynamic]), [['sysctl', false], ['a b', false], ['x=$(cat f)', true], ['y=`cat g`', true]]);
    assert.deepEqual(c.redirects.map((r) => [r.fd, r.op, r.target.text]), [[2, '>', '/dev/null'], [1, '>&', '2']]);
  });
});
