import { consoleJson, consoleProblem, jsonBodyOf, tableNameIn } from '../backend/console-answers';
import type { ConsoleApiRequest } from '../backend/console-backend';
import type { ConsoleResponse } from '../static-console';
import { pageSize, type TableBrowser } from './table-browser';
import { ItemAlreadyExists, type TableEditor } from './table-editor';

const TABLE_QUERY = /^\/_local\/tables\/([^/]+)\/query$/;
const TABLE_INDEXES = /^\/_local\/tables\/([^/]+)\/indexes$/;
const TABLE_ITEMS = /^\/_local\/tables\/([^/]+)\/items$/;

/**
 * `GET /_local/tables/{name}/query` and `/indexes`, and `POST` (add), `PUT` (replace) and `DELETE` of
 * `/_local/tables/{name}/items`; undefined for any other request (the scan stays in the backend).
 */
export async function answerTableEdits(
  request: ConsoleApiRequest,
  query: URLSearchParams,
  browser: TableBrowser,
  editor: TableEditor,
): Promise<ConsoleResponse | undefined> {
  const table = (match: RegExpExecArray) => tableNameIn(match[1], request.path);
  if (request.method === 'GET') {
    const queried = TABLE_QUERY.exec(request.path);
    if (queried) return consoleJson(200, await browser.query(table(queried), query, pageSize(query.get('limit'))));
    const indexes = TABLE_INDEXES.exec(request.path);
    return indexes ? consoleJson(200, await browser.indexes(table(indexes))) : undefined;
  }
  const items = TABLE_ITEMS.exec(request.path);
  if (!items) return undefined;
  try {
    if (request.method === 'POST') return consoleJson(201, await editor.put(table(items), jsonBodyOf(request), 'add'));
    if (request.method === 'PUT')
      return consoleJson(200, await editor.put(table(items), jsonBodyOf(request), 'replace'));
    if (request.method === 'DELETE') return consoleJson(200, await editor.delete(table(items), jsonBodyOf(request)));
  } catch (error) {
    if (error instanceof ItemAlreadyExists)
      return consoleProblem(409, 'Item exists', error.message, 'CONSOLE.CONFLICT');
    throw error;
  }
  return undefined;
}
