using BenchmarkDotNet.Running;
using Portolan.Benchmarks;

// `scale DIR` is the scale script's in-process probe; anything else goes to BenchmarkDotNet.
if (args is ["scale", var directory]) return ScaleRunner.Run(directory);
BenchmarkSwitcher.FromAssembly(typeof(SetBenchmarks).Assembly).Run(args);
return 0;
