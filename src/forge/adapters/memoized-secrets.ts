import type { SecretStore } from '../../app/ports';

/**
 * Secret storage read at most once per secret per invocation: the use case and the adapters that send
 * with those credentials share one read, so sending does not wait for a second round trip.
 */
export class MemoizedSecrets implements SecretStore {
  private readonly reads = new Map<string, Promise<string | undefined>>();

  constructor(private readonly secrets: SecretStore) {}

  getSecret(name: string): Promise<string | undefined> {
    let read = this.reads.get(name);
    if (read === undefined) {
      read = this.secrets.getSecret(name);
      // A failed read is not kept: the next caller tries again.
      read.catch(() => this.reads.delete(name));
      this.reads.set(name, read);
    }
    return read;
  }

  async setSecret(name: string, value: string): Promise<void> {
    this.reads.delete(name);
    await this.secrets.setSecret(name, value);
  }

  async deleteSecret(name: string): Promise<void> {
    this.reads.delete(name);
    await this.secrets.deleteSecret(name);
  }
}
