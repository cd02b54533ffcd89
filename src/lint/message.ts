/**
 * Fills a message template's `{{name}}` placeholders (ESLint's convention). A placeholder without a value
 * is left as written, so a rule that forgets one shows it in tests instead of printing "undefined".
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

