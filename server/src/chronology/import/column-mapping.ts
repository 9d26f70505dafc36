/** The fields of a timeline event that a chronology's columns can fill. */
export const IMPORT_FIELDS = [
  'date',
  'time',
  'title',
  'description',
  'agency',
  'author',
  'source',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which heading of the file fills which field; headings are kept as the file writes them. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** The headings agencies usually give each field, most specific first. */
const USUAL_HEADINGS: Record<ImportField, RegExp[]> = {
  date: [/^(event |contact |entry )?date( of (event|contact|entry))?$/, /^when$/, /date/],
  time: [/^time( of (event|contact))?$/, /^time/],
  title: [
    /^(entry|event|summary|title|subject|contact type|type of contact|episode)$/,
    /summary|event|entry|title/,
  ],
  description: [
    /^(details?|description|notes?|narrative|comments?|outcome)$/,
    /detail|descr|note|narrative/,
  ],
  agency: [/^(agency|organi[sz]ation|service|team)$/, /agency|organi[sz]ation/],
  author: [
    /^(author|practitioner|worker|recorded by|staff|professional|officer)$/,
    /author|practitioner|recorded by|worker/,
  ],
  source: [/^(source|record( ref(erence)?)?|reference|ref|document|file)$/, /source|record|ref/],
};

const normalise = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[:.]$/, '');

/**
 * Guesses the mapping from the headings: each field takes the first heading that matches its most
 * specific pattern, and a heading fills one field at most.
 */
export function detectMapping(headings: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (let pass = 0; pass < 3; pass += 1) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field]) continue;
      const pattern = USUAL_HEADINGS[field][pass];
      if (!pattern) continue;
      const heading = headings.find((h) => !taken.has(h) && pattern.test(normalise(h)));
      if (heading) {
        mapping[field] = heading;
        taken.add(heading);
      }
    }
  }
  return mapping;
}

/** Problems with a mapping given by the reviewer, against the headings of the file. */
export function mappingProblems(mapping: ColumnMapping, headings: string[]): string[] {
  const problems: string[] = [];
  for (const [field, heading] of Object.entries(mapping)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      problems.push(`"${field}" is not a field that can be mapped (${IMPORT_FIELDS.join(', ')})`);
    else if (heading !== undefined && heading !== null && !headings.includes(heading))
      problems.push(`${field}: the file has no column "${heading}"`);
  }
  if (!mapping.date)
    problems.push(
      `no column is mapped to the date; the file's headings are ${headings.map((h) => `"${h}"`).join(', ')}`,
    );
  if (!mapping.title && !mapping.description)
    problems.push('no column is mapped to the entry (title or description)');
  return problems;
}
