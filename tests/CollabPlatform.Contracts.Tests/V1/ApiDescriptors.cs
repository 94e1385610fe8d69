using CollabPlatform.Contracts.V1;
using Google.Protobuf.Reflection;

namespace CollabPlatform.Contracts.Tests.V1;

/// <summary>The descriptors of every file, service and rpc of package collab.v1.</summary>
internal static class ApiDescriptors
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Search", "Watch"];

    public static IReadOnlyList<FileDescriptor> Files { get; } =
    [
        CommonReflection.Descriptor,
        RegionServiceReflection.Descriptor,
        PartnershipServiceReflection.Descriptor,
        JointProgramServiceReflection.Descriptor,
        FacilitationServiceReflection.Descriptor,
        AuditServiceReflection.Descriptor,
    ];

    public static IReadOnlyList<MethodDescriptor> Methods { get; } =
        [.. Files.SelectMany(f => f.Services).SelectMany(s => s.Methods)];

    public static IReadOnlyList<MessageDescriptor> Messages { get; } =
        [.. Files.SelectMany(f => f.MessageTypes).SelectMany(Flatten)];

    public static IReadOnlyList<EnumDescriptor> Enums { get; } =
        [.. Files.SelectMany(f => f.EnumTypes).Concat(Messages.SelectMany(m => m.EnumTypes))];

    /// <summary>Reads change nothing; by convention their names say so.</summary>
    public static bool IsRead(MethodDescriptor method) =>
        ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal));

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) =>
        message.NestedTypes.SelectMany(Flatten).Prepend(message);
}
