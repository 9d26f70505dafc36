/** Breaks text into at most `maxLines` lines of about `maxChars`, ending with … when cut short. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const clip = (word: string) =>
    word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
  const lines: string[] = [];
  let line = '';
  let cut = false;
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (lines.length === maxLines) {
      cut = true;
      break;
    }
    line = clip(word);
  }
  if (!cut) {
    if (line) lines.push(line);
    return lines;
  }
  const last = lines[lines.length - 1];
  lines[lines.length - 1] = `${last.length + 1 > maxChars ? last.replace(/\s+\S*$/, '') : last}…`;
  return lines;
}
