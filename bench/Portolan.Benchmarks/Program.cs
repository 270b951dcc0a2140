using BenchmarkDotNet.Running;
using Portolan.Benchmarks;

// `scale DIR` is the scale script's in-process probe, `webhook-load ...` the webhook load script's client; anything else goes to BenchmarkDotNet.
if (args is ["scale", var directory]) return ScaleRunner.Run(directory);
if (args is ["webhook-load", var url, var state, var seconds, var concurrency, var certificate])
    return await WebhookLoad.Run(url, state, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture), certificate);
BenchmarkSwitcher.FromAssembly(typeof(SetBenchmarks).Assembly).Run(args);
return 0;
