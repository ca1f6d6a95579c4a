import { queryProtocolDispatcher, type QueryProtocolEndpoint } from './query-protocol.dispatcher';
import { queryXmlToJson } from './query-xml';

describe('queryXmlToJson', () => {
  it('turns a Query answer into the JSON API Gateway receives', () => {
    const xml =
      '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m&amp;1</MessageId></PublishResult>' +
      '<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></PublishResponse>';
    expect(JSON.parse(queryXmlToJson(xml))).toEqual({
      PublishResponse: { PublishResult: { MessageId: 'm&1' }, ResponseMetadata: { RequestId: 'r1' } },
    });
  });

  it('keeps repeated elements as lists and rejects broken XML', () => {
    expect(JSON.parse(queryXmlToJson('<A><m>1</m><m>2</m><e/></A>'))).toEqual({ A: { m: ['1', '2'], e: '' } });
    expect(() => queryXmlToJson('<A><B></A>')).toThrow('malformed XML');
  });
});

describe('queryProtocolDispatcher', () => {
  it('posts the form API Gateway sends and converts the XML answer', async () => {
    const seen: string[] = [];
    const sns: QueryProtocolEndpoint = {
      handle: async (request) => {
        seen.push(request.body.toString('utf8'));
        return {
          status: 404,
          headers: { 'content-type': 'text/xml' },
          body: '<ErrorResponse><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>',
        };
      },
    };
    const reply = await queryProtocolDispatcher({ sns })({
      service: 'sns',
      region: 'us-east-1',
      action: 'Publish',
      params: { TopicArn: 'arn:t', Message: 'a b+c' },
      credentials: 'role',
      correlationId: 'c',
    });
    expect(new URLSearchParams(seen[0]).get('Message')).toBe('a b+c');
    expect(new URLSearchParams(seen[0]).get('Action')).toBe('Publish');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({
      Error: { Type: 'Sender', Code: 'NotFound', Message: 'Topic does not exist' },
      RequestId: 'r',
    });
  });
});
