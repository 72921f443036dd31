/// <reference types="astro/client" />

declare module 'virtual:hindsight/site' {
  const site: import('./shared/options.ts').SiteRuntime;
  export default site;
}
