import { SnsProtocolError } from './errors';
import { acceptMessage } from './publish-fan-out';
import { MAXIMUM_MESSAGE_BYTES, type PublishInput, readPublishInput } from './publish-input';
import type { QueryParams } from './query-params';
import type { SnsContext } from './sns-context';
import { requireTopic } from './topic-lookup';
import { element, textElement } from './xml';

const MAXIMUM_ENTRIES = 10;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

const batchError = (code: string, message: string) => new SnsProtocolError(code, message);

/**
 * `PublishBatch`: problems with the batch as a whole fail the call (AWS's batch error codes); a bad entry fails
 * alone and is reported in `Failed` with the code and message `Publish` would have answered, the rest published.
 */
export function publishBatch(params: QueryParams, context: SnsContext): string {
  const topic = requireTopic(params, context);
  const entries = params.items('PublishBatchRequestEntries', 'member');
  if (entries.length === 0) throw batchError('EmptyBatchRequest', "The batch request doesn't contain any entries.");
  if (entries.length > MAXIMUM_ENTRIES) {
    throw batchError('TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.');
  }
  const ids = entries.map((entry) => entry.get('Id') ?? '');
  if (new Set(ids).size !== ids.length) {
    throw batchError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
  }
  if (!ids.every((id) => BATCH_ENTRY_ID.test(id))) {
    throw batchError(
      'InvalidBatchEntryId',
      'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
    );
  }
  const inputs = entries.map(readEntry);
  const totalSize = inputs.reduce((sum, input) => sum + (input instanceof SnsProtocolError ? 0 : input.size), 0);
  if (totalSize > MAXIMUM_MESSAGE_BYTES) {
    throw batchError('BatchRequestTooLong', 'The length of all the messages put together is more than the limit.');
  }

  const successful: string[] = [];
  const failed: string[] = [];
  inputs.forEach((input, index) => {
    const id = textElement('Id', ids[index] ?? '');
    if (input instanceof SnsProtocolError) {
      const fields = [
        id,
        textElement('Code', input.code),
        textElement('Message', input.message),
        textElement('SenderFault', String(input.senderFault)),
      ];
      failed.push(element('member', fields.join('')));
      return;
    }
    successful.push(element('member', id + textElement('MessageId', acceptMessage(topic, input, context))));
  });
  return element('Successful', successful.join('')) + element('Failed', failed.join(''));
}

function readEntry(entry: QueryParams): PublishInput | SnsProtocolError {
  try {
    return readPublishInput(entry);
  } catch (error) {
    if (error instanceof SnsProtocolError) return error;
    throw error;
  }
}
