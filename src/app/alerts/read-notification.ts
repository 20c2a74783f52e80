/** Reads a source's request body in the source's format into the app's alert notification. */
import type { AlertNotification } from '../../domain/alerts/alert';
import type { AlertSource } from '../../domain/alerts/alert-source';
import { parseAlertmanagerNotification } from '../../domain/alerts/alertmanager-payload';
import { applyGenericMapping } from '../../domain/alerts/generic-mapping';
import { parseGrafanaNotification } from '../../domain/alerts/grafana-payload';
import { ValidationError } from '../../domain/errors';

/** @throws ValidationError when the body is not JSON or not in the source's format. */
export function readNotification(source: Pick<AlertSource, 'format' | 'mapping'>, body: string): AlertNotification {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ValidationError('body', 'is not JSON', { cause: error });
  }
  switch (source.format) {
    case 'alertmanager':
      return parseAlertmanagerNotification(json);
    case 'grafana':
      return parseGrafanaNotification(json);
    case 'generic':
      if (source.mapping === undefined) throw new ValidationError('mapping', 'is not configured for this source');
      return applyGenericMapping(source.mapping, json).notification;
  }
}
