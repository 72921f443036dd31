/** Phone numbers in the groupings people write them in: with a country code, in brackets, with dashes or dots. */
export const PHONE_GROUPINGS: readonly string[] = [
  '+44 20 7946 0000',
  '+1 (555) 123-4567',
  '+1-555-123-4567',
  '+33 1 23 45 67 89',
  '+4915112345678',
  '(555) 123-4567',
  '555-123-4567',
  '555.123.4567',
];
