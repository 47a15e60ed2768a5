using BenchmarkDotNet.Running;
using PolicyDocs.Benchmarks;

if (args.Length == 2 && args[0] == "generate")
{
    // Writes the synthetic CP/CPS used for whole-process timings.
    File.WriteAllText(args[1], SyntheticPolicySet.Generate());
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(CompileAndRenderBenchmarks).Assembly).Run(args);
return 0;
