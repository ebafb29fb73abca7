import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ApiKeyScope } from '../../domain/model';
import { authenticateApiKey, hasScope, type Principal } from '../../services/api-keys';

/** Express guard for the non-GraphQL routes: a Bearer key with at least `scope`, else 401/403 as JSON. */
export function requireKey(dataSource: DataSource, scope: ApiKeyScope) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const principal = await authenticateApiKey(dataSource, req.headers.authorization);
      if (!hasScope(principal, scope)) {
        res.status(403).json({ error: `this API key has scope "${principal.scope}"; this route needs "${scope}"` });
        return;
      }
      res.locals.principal = principal;
      next();
    } catch (error) {
      res.status(401).json({ error: (error as Error).message });
    }
  };
}

export const principalOf = (res: Response) => res.locals.principal as Principal;
