import { findWorkspaceRoot } from '@harbor/platform-service-definitions';
import { writeContractDocuments } from './write-contract-documents';

const { written, published, removed } = writeContractDocuments(findWorkspaceRoot(__dirname));
for (const path of written) console.log(`wrote     ${path}`);
for (const path of removed) console.log(`removed   ${path}`);
for (const path of published) console.log(`published ${path}`);
if (published.length === 0) console.log('no new event version: published schemas left as they are');
