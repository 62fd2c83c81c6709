using System.Collections.Concurrent;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Detector.Preprocessing.Imaging;

/// <summary>
/// One ImageSharp configuration per allocation limit, shared by all threads: a capped allocator, and no internal
/// parallelism (we run one image per core; ImageSharp's own fan-out only adds contention).
/// </summary>
internal static class ImagingConfiguration
{
    private const int PoolMegabytes = 128;

    private static readonly ConcurrentDictionary<int, Configuration> s_byLimit = new();

    public static Configuration For(ImageLimits limits) =>
        s_byLimit.GetOrAdd(limits.AllocationLimitMegabytes, static megabytes =>
        {
            var configuration = Configuration.Default.Clone();
            configuration.MaxDegreeOfParallelism = 1;
            configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = megabytes,
                // The default pool keeps up to a fraction of machine memory; a job pod needs a few images' worth.
                MaximumPoolSizeMegabytes = PoolMegabytes,
            });
            return configuration;
        });
}
