using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace Kubepath.Manifests;

/// <summary>
/// Independent pieces of work run on every core, their results in the pieces' order: the same output as a loop, and a
/// failure thrown as the loop would throw it (the first failing piece's exception, by position).
/// </summary>
public static class EveryCore
{
    public static T[] Map<T>(int count, Func<int, T> work) => Map<object?, T>(count, () => null, (_, i) => work(i));

    /// <summary>
    /// The pieces' results, each worker given a <paramref name="state"/> of its own (made once per worker, used by one
    /// piece at a time): a writer and caches reused from piece to piece without a lock, which two cores' workers taking
    /// and giving back shared ones would contend for.
    /// </summary>
    public static T[] Map<TState, T>(int count, Func<TState> state, Func<TState, int, T> work)
    {
        var results = new T[count];
        var failures = new Exception?[count];
        Parallel.For(
            0,
            count,
            state,
            (i, _, mine) =>
            {
                try
                {
                    results[i] = work(mine, i);
                }
                catch (Exception e)
                {
                    failures[i] = e;
                }

                return mine;
            },
            _ => { });

        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        return results;
    }
}
