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
    public static T[] Map<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var failures = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try
            {
                results[i] = work(i);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });

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
