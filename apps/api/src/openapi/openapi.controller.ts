import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { openApiDocument } from './document';

/** The document at /openapi.json and a browsable Swagger UI at /docs (assets from swagger-ui-dist, served locally). */
@Controller()
@Public()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  json() {
    return this.document;
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  docs() {
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Proposal handling API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' });</script>
</body></html>`;
  }
}
