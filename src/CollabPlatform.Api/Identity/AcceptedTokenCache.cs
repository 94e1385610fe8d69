using System.Security.Cryptography;
using System.Text;
using CollabPlatform.Domain.Access;

namespace CollabPlatform.Api.Identity;

/// <summary>
/// Tokens that passed every check, by the SHA-256 of their text, least recently used first out
/// when full. An entry lives until the token's own expiry or <see cref="MaxAge"/>, whichever comes
/// first, so that a token is checked in full again at least every few minutes.
/// </summary>
internal sealed class AcceptedTokenCache(int capacity, TimeProvider time)
{
    /// <summary>The longest an accepted token is taken on trust before it is checked again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string token, out Principal principal, out DateTimeOffset expiresAt)
    {
        var key = KeyOf(token);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (now < node.Value.Until)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    (principal, expiresAt) = (node.Value.Principal, node.Value.ExpiresAt);
                    return true;
                }

                _recency.Remove(node);
                _entries.Remove(key);
            }
        }

        (principal, expiresAt) = (null!, default);
        return false;
    }

    public void Add(string token, Principal principal, DateTimeOffset expiresAt)
    {
        if (capacity == 0)
        {
            return;
        }

        var key = KeyOf(token);
        var now = time.GetUtcNow();
        var until = expiresAt < now + MaxAge ? expiresAt : now + MaxAge;
        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
            }

            while (_entries.Count >= capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst(new Entry(key, principal, expiresAt, until));
        }
    }

    // Kept by hash, so that the cache holds no usable token.
    private static string KeyOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Entry(string Key, Principal Principal, DateTimeOffset ExpiresAt, DateTimeOffset Until);
}
