import { accessOfCommand, describeAccess, type SentCommand } from './aws-command-access';

interface SendingClient {
  send(command: SentCommand, ...rest: unknown[]): Promise<unknown>;
}

/** A client class of the AWS SDK (DynamoDBClient, SNSClient…): every instance, however created, is recorded. */
export interface ClientClass {
  readonly name: string;
  readonly prototype: object;
}

export interface CommandRecorder {
  /** The commands sent since the last `take`, in order; clears them. */
  take(): SentCommand[];
  restore(): void;
}

/**
 * Records every command sent by any instance of `clientClass` (including clients an adapter or a library builds
 * itself, e.g. Dynamoose's or Powertools'). Commands still go to their endpoint unless `answer` gives the output.
 */
export function recordCommands(clientClass: ClientClass, answer?: (command: SentCommand) => unknown): CommandRecorder {
  const prototype = clientClass.prototype as SendingClient;
  const ownSend = Object.prototype.hasOwnProperty.call(prototype, 'send') ? prototype.send : undefined;
  const original = prototype.send;
  let sent: SentCommand[] = [];
  prototype.send = function recordedSend(this: SendingClient, command: SentCommand, ...rest: unknown[]) {
    sent.push(command);
    return answer ? Promise.resolve(answer(command)) : original.call(this, command, ...rest);
  };
  return {
    take() {
      const taken = sent;
      sent = [];
      return taken;
    },
    restore() {
      if (ownSend) prototype.send = ownSend;
      else delete (prototype as Partial<SendingClient>).send;
    },
  };
}

export interface AccessMeter {
  /** Runs `call`, counting only the commands it sends (not those of the test's own setup). */
  measure<T>(call: () => Promise<T>): Promise<T>;
  /** What the measured calls accessed since the last read, as describeAccess gives it; resets. */
  accessed(): string[];
}

export function accessMeter(recorder: CommandRecorder): AccessMeter {
  let measured: SentCommand[] = [];
  return {
    async measure(call) {
      recorder.take();
      try {
        return await call();
      } finally {
        measured.push(...recorder.take());
      }
    },
    accessed() {
      const accessed = describeAccess(measured.flatMap(accessOfCommand));
      measured = [];
      return accessed;
    },
  };
}
