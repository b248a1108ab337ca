/** An options section's outcome: what went wrong (an alert) or what was done (a status). */
export function Outcome({ error, done, errorTestId }: { error?: string; done?: string; errorTestId?: string }) {
  return (
    <>
      {error && (
        <p class="error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
    </>
  );
}
