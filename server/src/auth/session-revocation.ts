import { EntityManager } from 'typeorm';

/**
 * Ends every open session of an account, inside the caller's transaction: its access tokens stop
 * working on every instance at the next request, and its refresh cookie no longer signs it in.
 */
export async function endSessionsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(
    `UPDATE auth_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId],
  );
}
