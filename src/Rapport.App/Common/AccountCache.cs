using System.Collections.Concurrent;

namespace Rapport.App.Common;

/// <summary>
/// A value computed per account and kept for a few minutes within one day, so pages read it without recomputing. Any
/// write invalidates it: the web app does so after every form post and whenever it sees another process commit.
/// </summary>
/// <remarks>
/// Every invalidation bumps a generation: a value whose build began before the last invalidation is never served, even
/// when the build finishes after it. A failed build is dropped, so the next read tries again.
/// </remarks>
public class AccountCache<T>(TimeSpan? maxAge = null)
{
    private readonly ConcurrentDictionary<long, (DateTime BuiltAt, long Generation, Task<T> Value)> _values = new();
    private long _generation;

    /// <summary>How long a value is kept at most (it is also dropped when the day changes).</summary>
    public TimeSpan MaxAge { get; } = maxAge ?? TimeSpan.FromMinutes(5);

    /// <summary>The kept value for the account, or a new one from <paramref name="build"/>, kept from <paramref name="now"/>.</summary>
    public async Task<T> GetOrAddAsync(long accountId, DateTime now, Func<Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var generation = Interlocked.Read(ref _generation);
        if (_values.TryGetValue(accountId, out var hit) && hit.Generation == generation && hit.BuiltAt.Date == now.Date
            && now - hit.BuiltAt < MaxAge && now >= hit.BuiltAt)
        {
            try
            {
                return await hit.Value;
            }
            catch (Exception) when (!hit.Value.IsCompletedSuccessfully)
            {
                _values.TryRemove(new KeyValuePair<long, (DateTime, long, Task<T>)>(accountId, hit));
            }
        }
        var task = build();
        _values[accountId] = (now, generation, task);
        return await task;
    }

    /// <summary>Drops the account's value; the next read builds it again.</summary>
    public void Invalidate(long accountId)
    {
        Interlocked.Increment(ref _generation);
        _values.TryRemove(accountId, out _);
    }

    /// <summary>Drops every account's value.</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _values.Clear();
    }
}
