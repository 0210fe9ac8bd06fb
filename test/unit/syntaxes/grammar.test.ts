import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { commandCatalogue, needDirectives, requiresDirectives, scriptFlags, substitutionTokens } from '../../../language-server/src/catalogue/catalogue';
import { dispatch } from '../../../language-server/src/syntax/parser';
import { repoRoot } from '../../support/paths';
import { commandWords, describeTokens, hasScope, loadGrammar, startsCommand, tokenizeText, type Token } from './textmate';

let grammar: IGrammar;
let requiresGrammar: IGrammar;
before(async () => {
  grammar = await loadGrammar('source.exim-test');
  requiresGrammar = await loadGrammar('source.exim-test-requires');
});

const lex = (text: string): Token[][] => tokenizeText(grammar, text);

/** The token on `line` (0-based) whose text is exactly `text`. */
function token(lines: Token[][], line: number, text: string): Token {
  const found = lines[line].find((t) => t.text === text);
  assert.ok(found, `no token ${JSON.stringify(text)} on line ${line}: ${describeTokens(lines[line])}`);
  return found;
}

function assertScope(lines: Token[][], line: number, text: string, scope: string): void {
  const t = token(lines, line, text);
  assert.ok(hasScope(t, scope), `${JSON.stringify(text)} on line ${line} lacks ${scope}: ${t.scopes.join(' ')}`);
}

function assertNoScope(lines: Token[][], line: number, text: string, scope: string): void {
  const t = token(lines, line, text);
  assert.ok(!hasScope(t, scope), `${JSON.stringify(text)} on line ${line} has ${scope}: ${t.scopes.join(' ')}`);
}

/** A command line for a catalogue kind, with plausible arguments when its syntax takes any. */
function sampleLine(name: string, syntax: string): string {
  const takesArguments = syntax.trim() !== name;
  return takesArguments ? `${name} DIR/aux-fixed/TESTNUM.a PORT_D` : name;
}

describe('exim-test grammar', () => {
  describe('between commands', () => {
    it('scopes line 1 as the title and other # lines as comments', () => {
      const lines = lex('# Test title PORT_D\n# a comment\n###x\n####\n');
      assertScope(lines, 0, ' Test title PORT_D', 'markup.heading.title');
      assertScope(lines, 0, '#', 'comment.line.number-sign');
      assertScope(lines, 1, ' a comment', 'comment.line.number-sign');
      assert.ok(hasScope(lines[2][0], 'comment.line.number-sign'), describeTokens(lines[2]));
      assert.ok(hasScope(lines[3][0], 'comment.line.number-sign'), describeTokens(lines[3]));
    });

    it('scopes `### text` as a verbose-comment command whose text is substituted', () => {
      const lines = lex('# T\n### start HOSTIPV4\n');
      assert.ok(startsCommand(lines[1]));
      assertScope(lines, 1, '###', 'support.function.command.verbose-comment');
      assertScope(lines, 1, ' start ', 'string.unquoted.verbose-comment');
      assertScope(lines, 1, 'HOSTIPV4', 'variable.other.constant.substitution');
    });

    it('marks what runtest refuses: a bare ###, an indented comment, a stray ****', () => {
      const lines = lex('# T\n###\n  # indented\n****\nsudo client 127.0.0.1 PORT_D\n');
      for (const line of [1, 2, 3, 4]) assert.ok(hasScope(lines[line][0], 'invalid.illegal'), describeTokens(lines[line]));
    });

    it('scopes every flag and need_* line of the catalogue', () => {
      const lines = lex(['# T', ...scriptFlags.map((f) => f.name), ...needDirectives.map((n) => n.name)].join('\n'));
      scriptFlags.forEach((f, i) => assertScope(lines, 1 + i, f.name, 'keyword.other.flag'));
      needDirectives.forEach((n, i) => assertScope(lines, 1 + scriptFlags.length + i, n.name, 'keyword.control.need'));
    });

    it('scopes return-code lines and the command that follows', () => {
      const lines = lex('# T\n1\nexim -bt x\n****\n~0\nexim -bV\n****\n0 TZ=GB\nexim_msgdate -u 10HmaX-000000005vi-0000\n****\n');
      assertScope(lines, 1, '1', 'constant.numeric.return-code');
      assertScope(lines, 4, '~', 'keyword.operator.negation');
      assertScope(lines, 4, '0', 'constant.numeric.return-code');
      assertScope(lines, 7, 'TZ', 'variable.other.env');
      assertScope(lines, 7, 'GB', 'string.unquoted.env-value');
      for (const line of [2, 5, 8]) assert.ok(startsCommand(lines[line]), describeTokens(lines[line]));
      assert.equal(commandWords(lines[8]), 'exim_msgdate');
    });
  });

  describe('commands', () => {
    it('recognises every command kind of the catalogue at line start', () => {
      const failures: string[] = [];
      for (const kind of commandCatalogue) {
        const line = sampleLine(kind.name, kind.syntax);
        // The sample must itself be what runtest's dispatcher calls this kind.
        assert.equal(dispatch(line)?.kind, kind.name, `sample ${JSON.stringify(line)} is not a ${kind.name} to the parser`);
        const [, tokens] = lex(`# T\n${line}\n`);
        if (!startsCommand(tokens) || commandWords(tokens) !== kind.name) failures.push(`${kind.name}: ${describeTokens(tokens)}`);
      }
      assert.deepEqual(failures, []);
    });

    it('scopes sudo on its own, in front of file commands, perl and exim', () => {
      const lines = lex('# T\nsudo rm -rf DIR/spool/db/*\nsudo perl\n****\nsudo -u EXIMUSER exim -bt x\n****\n');
      assertScope(lines, 1, 'sudo', 'keyword.other.sudo');
      assertScope(lines, 1, 'rm', 'support.function.command');
      assertScope(lines, 1, '-rf', 'constant.other.option');
      assertScope(lines, 2, 'sudo', 'keyword.other.sudo');
      assertScope(lines, 4, 'sudo', 'keyword.other.sudo');
      assertScope(lines, 4, '-u', 'constant.other.option');
      assertScope(lines, 4, 'EXIMUSER', 'variable.parameter.user');
      assert.equal(commandWords(lines[4]), 'sudo exim');
    });

    it('scopes the exim prefixes: environment settings and the wait count', () => {
      const lines = lex('# T\nLDAPTLS_REQCERT=never 3 exim -bs\n****\n   exim -bt x\n****\n');
      assertScope(lines, 1, 'LDAPTLS_REQCERT', 'variable.other.env');
      assertScope(lines, 1, 'never', 'string.unquoted.env-value');
      assertScope(lines, 1, '3', 'constant.numeric.wait-seconds');
      assert.equal(commandWords(lines[1]), 'exim');
      // The exim regex alone allows leading whitespace.
      assert.ok(startsCommand(lines[3]), describeTokens(lines[3]));
    });

    it('scopes exim options, -D macros and $msgN', () => {
      const lines = lex('# T\nexim -DSERVER=server -bd -oX PORT_D -odi -C DIR/confs/0001 -qGname/3s $msg1\n****\n');
      for (const option of ['-D', '-bd', '-oX', '-odi', '-C', '-qGname/3s']) assertScope(lines, 1, option, 'constant.other.option');
      assertScope(lines, 1, 'SERVER', 'variable.other.macro');
      assertScope(lines, 1, 'server', 'string.unquoted.macro-value');
      assertScope(lines, 1, 'msg1', 'variable.other.message-id');
    });

    it('scopes every substitution token of the catalogue, only where runtest replaces it', () => {
      // How each token is written in use: DIR needs a `/`, V4NET a `.`, V6NET a `:`.
      const written: Record<string, [sample: string, token: string]> = { DIR: ['DIR/x', 'DIR/'], V4NET: ['V4NET.0', 'V4NET'], V6NET: ['V6NET:1', 'V6NET'] };
      const uses = substitutionTokens.map((t) => written[t.name] ?? [t.name, t.name]);
      const lines = lex(`# T\necho ${uses.map(([sample]) => sample).join(' ')}\n`);
      for (const [, text] of uses) assertScope(lines, 1, text, 'variable.other.constant.substitution');
      // Not tokens: DIR without a slash, V4NET without `.` or `_`, CALLER inside a longer word.
      const not = lex('# T\necho DIR V4NET CALLER_NAME PORTS\n');
      assert.ok(!not[1].some((t) => hasScope(t, 'variable.other.constant.substitution')), describeTokens(not[1]));
      // PORT_D and V4NET also count right after `_`.
      assertScope(lex('# T\necho x_PORT_D\n'), 1, 'PORT_D', 'variable.other.constant.substitution');
    });

    it('keeps a continued command line a command and starts the block after it', () => {
      const lines = lex('# T\nexim -odi \\\n   -f x@y \\\n   z@w\nSubject: s\n****\n');
      assertScope(lines, 1, '\\', 'punctuation.separator.continuation');
      for (const line of [2, 3]) assert.ok(hasScope(lines[line][0], 'meta.command.exim-test'), describeTokens(lines[line]));
      assertScope(lines, 2, '-f', 'constant.other.option');
      assertScope(lines, 4, 'Subject', 'meta.block.stdin');
      assert.ok(!hasScope(lines[4][0], 'meta.command'));
    });
  });

  describe('blocks', () => {
    it('ends a block only at exactly four stars then whitespace, or at end of file', () => {
      const lines = lex('# T\nexim -bs\n*****\n ****\n**** text\n****   \nkilldaemon\nexim -bs\nhelo x\n');
      for (const line of [2, 3, 4]) assert.ok(hasScope(lines[line][0], 'meta.block.stdin'), describeTokens(lines[line]));
      assertScope(lines, 5, '****   ', 'keyword.operator.terminator');
      assert.ok(startsCommand(lines[6]));
      assert.ok(hasScope(lines[8][0], 'meta.block.stdin'), 'a block runs to end of file');
    });

    it('treats # lines, flags-looking words and command words inside blocks as data', () => {
      const lines = lex('# T\nexim -bs\n# not a comment\nkilldaemon\n****\n');
      assert.ok(!hasScope(lines[2][0], 'comment'), describeTokens(lines[2]));
      assert.ok(!startsCommand(lines[3]), describeTokens(lines[3]));
    });

    it('scopes exim stdin: SMTP verbs, header names, the dot and the data prefixes', () => {
      const lines = lex('# T\nexim -bs\nehlo x\nmail from:<a@b>\nSubject: HOSTNAME\n.\n:eval:\\x0D\\x0A\n:noeol:From\n:sleep:3\n:file:DIR/aux-fixed/x\n:odd:x\n****\n');
      assertScope(lines, 2, 'ehlo', 'keyword.other.smtp');
      assertScope(lines, 3, 'mail from', 'keyword.other.smtp');
      assertScope(lines, 4, 'Subject', 'entity.name.tag.header');
      assertScope(lines, 4, 'HOSTNAME', 'variable.other.constant.substitution');
      assertScope(lines, 5, '.', 'keyword.operator.end-of-data');
      for (const [line, prefix] of [[6, ':eval:'], [7, ':noeol:'], [8, ':sleep:'], [9, ':file:']] as const) assertScope(lines, line, prefix, 'keyword.control.data-prefix');
      assertScope(lines, 6, '\\x0D', 'constant.character.escape');
      assertScope(lines, 8, '3', 'constant.numeric');
      assertScope(lines, 9, 'DIR/', 'variable.other.constant.substitution');
      // runtest strips any :word: prefix, known or not.
      assertScope(lines, 10, ':odd:', 'invalid.deprecated.data-prefix');
    });

    it('scopes a client script: expectations, sends, sleeps, includes, TLS and escapes', () => {
      const lines = lex([
        '# T', 'client-anytls -tls-on-connect 127.0.0.1 PORT_D',
        '??? 220', '???? 250-', '???*', 'EHLO HOSTNAME\\r', '+++ 1', '<<< DIR/aux-fixed/x', '>>> no end',
        'starttls', 'STOPTLS', ':noeol:QUIT', '****', '',
      ].join('\n'));
      assertScope(lines, 1, '-tls-on-connect', 'constant.other.option');
      assertScope(lines, 2, '???', 'keyword.operator.expect');
      assertScope(lines, 2, '220', 'markup.inserted.expect');
      assertScope(lines, 3, '????', 'keyword.operator.expect.optional');
      assertScope(lines, 4, '???*', 'keyword.control.expect-eof');
      assertScope(lines, 5, 'EHLO ', 'string.unquoted.send');
      assertScope(lines, 5, 'HOSTNAME', 'variable.other.constant.substitution');
      assertScope(lines, 5, '\\r', 'constant.character.escape');
      assertScope(lines, 6, '+++', 'keyword.control.sleep');
      assertScope(lines, 7, '<<<', 'keyword.control.include');
      assertScope(lines, 8, '>>>', 'keyword.operator.send.no-line-end');
      assertScope(lines, 8, 'no end', 'string.unquoted.send');
      assertScope(lines, 9, 'starttls', 'keyword.control.tls');
      assertScope(lines, 10, 'STOPTLS', 'keyword.control.tls');
      assertScope(lines, 11, ':noeol:', 'keyword.control.data-prefix');
      assertScope(lines, 12, '****', 'keyword.operator.terminator');
      for (let line = 2; line < 12; line++) assert.ok(hasScope(lines[line][0], 'meta.block.client-script'), describeTokens(lines[line]));
    });

    it('scopes a server script: sent lines, expected lines, controls; no substitution', () => {
      const lines = lex([
        '# T', 'server PORT_S 2',
        '220 Welcome', 'EHLO', '<250 looks like a reply', '>>no line end', '>LF>220 x', '>*eof',
        '*sleep 2', '*data 34', '*eof', '.', 'DIR/x', 'a\\x0Db', '++++', '****',
      ].join('\n'));
      assertScope(lines, 1, 'PORT_S', 'variable.other.constant.substitution');
      assertScope(lines, 2, '220 Welcome', 'string.unquoted.send');
      assertScope(lines, 3, 'EHLO', 'markup.inserted.expect');
      assertScope(lines, 4, '<', 'keyword.operator.expect');
      assertScope(lines, 4, '250 looks like a reply', 'markup.inserted.expect');
      assertScope(lines, 5, '>>', 'keyword.operator.send');
      assertScope(lines, 6, '>LF>', 'keyword.operator.send');
      assertScope(lines, 7, '*eof', 'keyword.control.eof');
      assertScope(lines, 8, '*sleep', 'keyword.control.server');
      assertScope(lines, 8, '2', 'constant.numeric');
      assertScope(lines, 9, '*data', 'keyword.control.server');
      assertScope(lines, 10, '*eof', 'keyword.control.server');
      assertScope(lines, 11, '.', 'keyword.operator.end-of-data');
      // runtest sends server blocks unsubstituted.
      assert.ok(!lines[12].some((t) => hasScope(t, 'variable.other.constant.substitution')), describeTokens(lines[12]));
      assertScope(lines, 13, '\\x0D', 'constant.character.escape');
      assertScope(lines, 14, '++++', 'keyword.operator.separator');
      assertScope(lines, 15, '****', 'keyword.operator.terminator');
    });

    it('scopes write and catwrite: size specs, the ++++ separator, content unsubstituted', () => {
      const lines = lex('# T\nwrite test-data 3x50=lead\nline DIR/x\n++++\n****\ncatwrite DIR/test-file\n# data\n****\n');
      assertScope(lines, 1, '3x50=lead', 'constant.numeric.size-spec');
      assert.ok(hasScope(lines[2][0], 'meta.block.file-content'));
      assert.ok(!lines[2].some((t) => hasScope(t, 'variable.other.constant.substitution')), describeTokens(lines[2]));
      assertScope(lines, 3, '++++', 'keyword.operator.separator');
      assert.equal(commandWords(lines[5]), 'catwrite');
      assert.ok(!hasScope(lines[6][0], 'comment'), describeTokens(lines[6]));
    });

    it('scopes background: the one command line, then ignored lines', () => {
      const lines = lex('# T\nbackground\nredis-server --port PORT_N\nignored\n****\nkilldaemon\n');
      assert.equal(commandWords(lines[1]), 'background');
      assertScope(lines, 2, 'PORT_N', 'variable.other.constant.substitution');
      assertScope(lines, 2, '--port', 'meta.command.background-line');
      assertScope(lines, 3, 'ignored', 'comment.block.ignored');
      assertScope(lines, 4, '****', 'keyword.operator.terminator');
      assert.ok(startsCommand(lines[5]));
    });
  });

  describe('embedded Perl', () => {
    const script = [
      '# T',
      'sudo perl',
      'system("tc qdisc add dev lo root netem delay 50ms");',
      'system ("ip tcp_metrics delete HOSTIPV4");',
      '****',
      'perl',
      'my $s = "never closed',
      '****',
      'perl',
      'print <<EOT;',
      'heredoc with no end',
      '****',
      'killdaemon',
    ].join('\n');

    it('tokenises the block with the Perl grammar', () => {
      const lines = lex(script);
      assertScope(lines, 2, 'system', 'support.function.perl');
      assertScope(lines, 2, 'system', 'source.perl');
      assertScope(lines, 2, 'system', 'meta.embedded.block.perl');
      assertScope(lines, 3, 'system', 'support.function.perl');
      // runtest substitutes perl blocks, so tokens inside Perl strings are live.
      assertScope(lines, 3, 'HOSTIPV4', 'variable.other.constant.substitution');
    });

    it('is back in the exim-test grammar at the **** that ends the block', () => {
      const lines = lex(script);
      for (const line of [4, 7, 11]) {
        assertScope(lines, line, '****', 'keyword.operator.terminator.exim-test');
        assertNoScope(lines, line, '****', 'source.perl');
        assertNoScope(lines, line, '****', 'meta.embedded');
      }
      // An unterminated Perl string or heredoc cannot run past the terminator.
      assertScope(lines, 6, 'never closed', 'string.quoted.double.perl');
      assertScope(lines, 10, 'heredoc with no end', 'string.unquoted.heredoc');
      for (const line of [8, 12]) assert.ok(startsCommand(lines[line]), describeTokens(lines[line]));
    });
  });
});

describe('exim-test-requires grammar', () => {
  const lex = (text: string) => tokenizeText(requiresGrammar, text);

  it('scopes every REQUIRES directive of the catalogue and its argument', () => {
    const lines = lex(requiresDirectives.map((d) => (d.argument ? `${d.keyword} ${d.argument}` : d.keyword)).join('\n'));
    requiresDirectives.forEach((d, i) => {
      const keyword = d.keyword.replace(/^not /, '');
      assertScope(lines, i, keyword, 'keyword.other.directive');
      if (d.argument) assert.ok(lines[i].some((t) => t.text === d.argument && !hasScope(t, 'invalid')), describeTokens(lines[i]));
      assert.ok(!lines[i].some((t) => hasScope(t, 'invalid')), describeTokens(lines[i]));
    });
    assertScope(lines, requiresDirectives.findIndex((d) => d.keyword === 'not feature'), 'not', 'keyword.operator.logical.not');
  });

  it('marks unknown lines and a doubled space, and substitutes file paths', () => {
    const lines = lex('supports IPv6\n# comment\nsupport  IPv6\nfile DIR/aux-fixed/x\n');
    assert.ok(hasScope(lines[0][0], 'invalid.illegal.unknown-directive'));
    assert.ok(hasScope(lines[1][0], 'invalid.illegal.unknown-directive'), 'REQUIRES has no comments');
    assert.ok(lines[2].some((t) => t.text === ' ' && hasScope(t, 'invalid.illegal.extra-space')), describeTokens(lines[2]));
    assertScope(lines, 3, 'DIR/', 'variable.other.constant.substitution');
  });
});

describe('language configuration', () => {
  it('comments with #', () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'syntaxes', 'language-configuration.json'), 'utf8'));
    assert.equal(config.comments.lineComment, '#');
    const words = 'client-anytls $msg1 no_msglog_check PORT_D'.match(new RegExp(config.wordPattern, 'g'));
    assert.deepEqual(words, ['client-anytls', '$msg1', 'no_msglog_check', 'PORT_D']);
  });
});
