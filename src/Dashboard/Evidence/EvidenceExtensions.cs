using LiveRoom.Dashboard.References;
using Microsoft.Extensions.Options;

namespace LiveRoom.Dashboard.Evidence;

/// <summary>Wiring of the evidence thumbnails and the framing references (issue 5 items 2 and 5).</summary>
internal static class EvidenceExtensions
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvidenceOptions>, EvidenceOptionsValidator>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(ReferencesJsonContext.Default));
        services.AddSingleton<ThumbnailStore>();
        services.AddSingleton<EvidenceCounters>();
        services.AddSingleton<EvidenceLink>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceLink>());
        services.AddHostedService<RetentionSweeper>();
        services.AddSingleton<ReferenceRepository>();
        services.AddSingleton<ReferencePublisher>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        app.MapEvidenceApi();
        app.MapReferencesApi();
        return app;
    }
}
