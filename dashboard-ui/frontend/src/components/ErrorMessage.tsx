import { ApiError, describeProblem } from '../api/problem';

/** An error in words, announced to screen readers; never an empty box. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className="error" data-testid="error">
      <p>{errorText(error)}</p>
      {error instanceof ApiError && error.problem.errors?.length ? (
        <ul>
          {error.problem.errors.map((item, index) => (
            <li key={index}>{[item.field ?? item.pointer ?? item.parameter, item.message].filter(Boolean).join(': ')}</li>
          ))}
        </ul>
      ) : null}
      {onRetry ? <button type="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return describeProblem(error.problem, error.status);
  if (error instanceof Error) return error.message;
  return String(error);
}
