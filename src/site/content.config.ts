// Postmortems enter the site through Hindsight's own parser, so the site shows exactly
// the model the linter checked: one Markdown pipeline for both.
import { defineCollection } from 'astro:content';
import { postmortemLoader } from './loader.ts';

export const collections = {
  postmortems: defineCollection({ loader: postmortemLoader({ base: 'postmortems' }) }),
};
