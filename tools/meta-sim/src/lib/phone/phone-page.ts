/** The customer phone page (filled in below). */
export function phoneHtml(): string {
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer phone</title></head><body><h1>Customer phone</h1></body></html>';
}
