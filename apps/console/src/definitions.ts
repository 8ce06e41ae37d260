/**
 * The statistics' definitions as the API's OpenAPI document writes them (DOMAIN.md's), read from
 * `/openapi.json` once, so a tooltip says exactly what the figure counts.
 */
let cached: Promise<Record<string, string>> | undefined;

export function statDefinitions(): Promise<Record<string, string>> {
  cached ??= fetch('/openapi.json')
    .then((r) => r.json())
    .then((doc) => {
      const rows = doc.paths['/supervision/stats'].get.responses['200'].content['application/json'].schema.properties.rows.items.properties as Record<string, { description?: string }>;
      return Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.description ?? '']));
    });
  return cached;
}
