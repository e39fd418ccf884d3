using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kubepath.Manifests.Yaml;

/// <summary>
/// YamlDotNet's parser run on a second thread, a few batches of events ahead of the reader that builds the document
/// trees: scanning the text and building the trees then take a core each. The reader sees the same events in the same
/// order, and a parser exception is thrown to it where the parser threw it, after the events before it.
/// </summary>
internal sealed class ReadAheadParser : IParser, IDisposable
{
    private const int BatchSize = 256;
    private const int MaxBatchesAhead = 8;

    private readonly Queue<Batch> ready = new();
    private Batch? batch;
    private int index;
    private bool abandoned;

    // A thread of its own rather than the pool's: a reader on a busy pool must not wait for the pool to grow.
    public ReadAheadParser(IParser parser) =>
        Task.Factory.StartNew(() => Produce(parser), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        while (batch is null || index >= batch.Count)
        {
            if (batch is { Last: true })
            {
                Current = null;
                batch.Error?.Throw();
                return false;
            }

            batch = Take();
            index = 0;
        }

        Current = batch.Events[index++];
        return true;
    }

    /// <summary>Stops the parser thread when the reader stops early (an error that ends the document, a bound reached).</summary>
    public void Dispose()
    {
        lock (ready)
        {
            abandoned = true;
            ready.Clear();
            Monitor.PulseAll(ready);
        }
    }

    private void Produce(IParser parser)
    {
        var next = new Batch();
        try
        {
            while (parser.MoveNext())
            {
                next.Events[next.Count++] = parser.Current!;
                if (next.Count == BatchSize)
                {
                    if (!Publish(next))
                    {
                        return;
                    }

                    next = new Batch();
                }
            }
        }
        catch (Exception e)
        {
            // Handed over whole: the reader decides, as it would with the parser on its own thread.
            next.Error = ExceptionDispatchInfo.Capture(e);
        }

        next.Last = true;
        Publish(next);
    }

    private bool Publish(Batch next)
    {
        lock (ready)
        {
            while (ready.Count >= MaxBatchesAhead && !abandoned)
            {
                Monitor.Wait(ready);
            }

            if (abandoned)
            {
                return false;
            }

            ready.Enqueue(next);
            Monitor.PulseAll(ready);
            return true;
        }
    }

    private Batch Take()
    {
        lock (ready)
        {
            while (ready.Count == 0 && !abandoned)
            {
                Monitor.Wait(ready);
            }

            if (abandoned)
            {
                throw new ObjectDisposedException(nameof(ReadAheadParser));
            }

            var next = ready.Dequeue();
            Monitor.PulseAll(ready);
            return next;
        }
    }

    private sealed class Batch
    {
        public ParsingEvent[] Events { get; } = new ParsingEvent[BatchSize];

        public int Count { get; set; }

        public bool Last { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }
    }
}
