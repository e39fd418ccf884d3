namespace Kubepath.Model;

/// <summary>Annotations Kubepath reads on any object.</summary>
public static class KubepathAnnotations
{
    /// <summary>
    /// Fields whose values the object's author could not know when writing it (C# values computed at run time, as
    /// the analyzer finds them): the object's pods are not modelled, so nothing is concluded from their absence.
    /// </summary>
    public const string UnknownFields = "kubepath.io/unknown-fields";

    public static bool HasUnknownFields(this ManifestObject obj) => obj.Metadata.Annotations.Find(UnknownFields) is not null;
}
