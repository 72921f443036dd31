// The JSON Schema formats Hindsight adds to ajv's (ajv-formats): what the frontmatter schema
// and a configured frontmatterSchema may name. Shared by the frontmatter rule, which
// validates with them, and the bundled build, whose precompiled validator calls them.
import type { FormatDefinition } from 'ajv/dist/2020.js';
import { parseZone, readDateTime } from '../../core/time/index.ts';

export const HINDSIGHT_FORMATS: Readonly<Record<'hindsight-date-time' | 'hindsight-zone', FormatDefinition<string>>> = {
  // ISO 8601 with or without seconds and offset, or "YYYY-MM-DD HH:MM ZONE": what the
  // project's time reader reads as one date and time, starting with an ISO date.
  'hindsight-date-time': {
    type: 'string',
    validate: (value: string) => {
      const text = value.trim();
      if (!/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}/.test(text)) return false;
      const reading = readDateTime(text);
      return (
        reading !== null && reading.index === 0 && reading.length === text.length && reading.year !== null && reading.month !== null && reading.day !== null
      );
    },
  },
  'hindsight-zone': { type: 'string', validate: (value: string) => parseZone(value) !== null },
};
