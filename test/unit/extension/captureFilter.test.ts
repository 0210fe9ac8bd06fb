import * as assert from 'node:assert/strict';
import { captureFilter, tcpdumpArgs, testPorts } from '../../../extension/src/capture/captureFilter';
import { classifyFailure } from '../../../extension/src/capture/tcpdumpCapture';

describe('the capture command line', () => {
  it('covers PORT_N … PORT_D4: 1223–1228, or -PORTBASE N … N+5', () => {
    assert.deepEqual(testPorts(), [1223, 1224, 1225, 1226, 1227, 1228]);
    assert.deepEqual(testPorts(2000), [2000, 2001, 2002, 2003, 2004, 2005]);
  });

  it('builds the filter as argv words, the extra filter as one word tcpdump joins in', () => {
    assert.deepEqual(captureFilter([1223, 1224]), ['tcp', 'and', '(', 'port', '1223', 'or', 'port', '1224', ')']);
    assert.deepEqual(captureFilter([1225], ' host 127.0.0.1 '), ['tcp', 'and', '(', 'port', '1225', ')', 'and', '(', 'host 127.0.0.1', ')']);
  });

  it('writes nanosecond pcap, each packet at once, whole packets, dropping to the user before opening the file', () => {
    assert.deepEqual(tcpdumpArgs({ iface: 'lo', file: "/runs/a b/capture.pcap", filter: ['tcp'], user: 'eximtest' }),
      ['-i', 'lo', '-n', '--immediate-mode', '-U', '-s', '0', '--time-stamp-precision=nano', '-Z', 'eximtest', '-w', '/runs/a b/capture.pcap', 'tcp']);
  });

  it('tells a refused sudo from other failures', () => {
    assert.equal(classifyFailure('sudo: a password is required\n', true).reason, 'sudo-refused');
    assert.equal(classifyFailure('tcpdump: lo0: No such device exists\n', true).reason, 'failed');
  });
});
