import { spawn, type ChildProcess } from 'node:child_process';
import { startDynamoDbLocal } from './start-dynamodb-local';

// Stand-ins for the JVM: a command that does not exist (no Java), or a process that never listens (stuck).
const mockChild: { command: string; args: string[]; last?: ChildProcess } = { command: '', args: [] };
jest.mock('./spawn-dynamodb-local', () => ({
  spawnDynamoDbLocal: () => (mockChild.last = spawn(mockChild.command, mockChild.args, { stdio: 'pipe' })),
}));

describe('startDynamoDbLocal when the JVM cannot serve', () => {
  it('fails at once, saying Java is missing', async () => {
    Object.assign(mockChild, { command: 'harbor-test-command-that-does-not-exist', args: [] });
    const startedAt = Date.now();
    await expect(startDynamoDbLocal()).rejects.toThrow(
      'DynamoDB Local needs Java: the `java` command was not found on PATH',
    );
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });

  it('gives up after the ready timeout and kills the process it started', async () => {
    Object.assign(mockChild, { command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] });
    await expect(startDynamoDbLocal({ readyTimeoutMs: 500 })).rejects.toThrow(
      /did not answer ListTables at http:\/\/127\.0\.0\.1:\d+ within 1 s/,
    );
    expect(mockChild.last?.signalCode).toBe('SIGTERM');
  });

  it('explains an early exit with the tail of its output', async () => {
    Object.assign(mockChild, {
      command: process.execPath,
      args: ['-e', 'console.error("java.net.BindException: boom"); process.exit(3)'],
    });
    await expect(startDynamoDbLocal({ port: 8999 })).rejects.toThrow(
      /exited \(code 3\) before answering:\njava.net.BindException: boom/,
    );
  });
});
