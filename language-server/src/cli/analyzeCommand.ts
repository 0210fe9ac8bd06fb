type Write = (text: string) => void;

export async function runAnalyze(_args: string[], _out: Write, err: Write): Promise<number> {
  err('exim-test analyze: not built yet\n');
  return 2;
}
