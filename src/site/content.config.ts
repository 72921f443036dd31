// Postmortems enter the site through Hindsight's own parser and linter, so the site shows
// exactly the model the linter checked, from one parse per file (see loader.ts).
import { defineCollection } from 'astro:content';
import { postmortemLoader, ruleLoader } from './loader.ts';

export const collections = {
  postmortems: defineCollection({ loader: postmortemLoader() }),
  rules: defineCollection({ loader: ruleLoader() }),
};
