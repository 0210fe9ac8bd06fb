/**
 * The Perl statements that save a setting before a change and put it back afterwards.
 *
 * Where the old value is kept: `DIR/test-saved-<name>`. runtest deletes `spool/` and `test-*`
 * (with sudo, so root-owned files go too) when each test starts, and keeps them after a quit or
 * with -KEEP. Save and restore happen within one run of one test, so that life is enough; after
 * an aborted run the file still shows the value to restore by hand until the next test starts.
 * `test-*` rather than `spool/`: the spool is Exim's, and scripts list and compare what is in it.
 */
import type { ChangeStory } from './sudoAnalysis';
import { isLinuxSysctl, procPathOfSysctl } from './systemChanges';

export function savedFileOf(sysctlName: string): string {
  return `DIR/test-saved-${sysctlName}`;
}

export function sysctlNameOf(resource: string): string | undefined {
  return resource.startsWith('sysctl ') ? resource.slice(7) : undefined;
}

/** A statement that saves the current value, or undefined when the change needs no save. */
export function saveStatement(resource: string): string | undefined {
  const name = sysctlNameOf(resource);
  if (!name) return undefined;
  const file = savedFileOf(name);
  if (isLinuxSysctl(name)) {
    const proc = procPathOfSysctl(name);
    return `system("[ -e ${proc} ] && cat ${proc} > ${file}");`;
  }
  return `system("sysctl -n ${name} > ${file}");`;
}

/** A statement that undoes the story's change, or undefined when we do not know how. */
export function restoreStatement(story: ChangeStory): string | undefined {
  const name = sysctlNameOf(story.resource);
  if (name) {
    const file = savedFileOf(name);
    if (isLinuxSysctl(name)) return `system("[ -e ${file} ] && cat ${file} > ${procPathOfSysctl(name)}");`;
    // Single quotes: in a Perl double-quoted string `$(` would be Perl's group id.
    return `system('[ -e ${file} ] && sysctl ${name}="$(cat ${file})"');`;
  }
  const undo = story.change.effect.undo;
  return undo ? `system("${undo}");` : undefined;
}

/** In our words, how the undo would be written. */
export function restoreAdvice(story: ChangeStory): string {
  const name = sysctlNameOf(story.resource);
  if (!name) return story.change.effect.undo ? `undo it with \`${story.change.effect.undo}\` in a \`sudo perl\` block at the end` : 'undo it in a `sudo perl` block at the end';
  return `save the old value before the change (\`${saveStatement(story.resource)}\`) and put it back at the end (\`${restoreStatement(story)}\`); runtest deletes DIR/test-* when the next test starts, so the file lives exactly as long as this test`;
}
