//! The rules: one variant per Confluent rule id, with its BACKWARD verdict.

use std::fmt;

/// Declares [`Rule`] from one line per rule: the variant, the Confluent rule
/// id, and whether the rule allows the change under BACKWARD.
macro_rules! rules {
    ($($(#[doc = $doc:literal])+ $variant:ident = $id:literal, $verdict:ident;)+) => {
        /// A compatibility rule, named as the Confluent Schema Registry names
        /// it for JSON Schema.
        ///
        /// `Display` and [`Rule::as_str`] give the Confluent rule id, such as
        /// `REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL`. Each rule either
        /// allows its change under BACKWARD compatibility or not
        /// ([`Rule::compatible`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Rule {
            /// Every rule, in declaration order.
            #[cfg(test)]
            const ALL: &[Rule] = &[$(Rule::$variant,)+];

            /// The Confluent rule id, such as `TYPE_CHANGED`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)+
                }
            }

            /// Whether the rule allows its change under BACKWARD
            /// compatibility (consumers on the new schema read old data).
            pub const fn compatible(self) -> bool {
                match self {
                    $(Rule::$variant => rules!(@$verdict),)+
                }
            }
        }
    };
    (@compatible) => {
        true
    };
    (@incompatible) => {
        false
    };
}

rules! {
    // Any schema.
    /// The type changed to an unrelated one.
    TypeChanged = "TYPE_CHANGED", incompatible;

    // Objects: properties and `required`.
    /// A property was added to an object that accepts unknown properties.
    PropertyAddedToOpenContentModel = "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", incompatible;
    /// A property accepting anything was added to an object that accepts
    /// unknown properties.
    PropertyWithEmptySchemaAddedToOpenContentModel =
        "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL", compatible;
    /// A property was added within what `additionalProperties` allowed.
    PropertyAddedIsCoveredByPartiallyOpenContentModel =
        "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", compatible;
    /// A property was added outside what `additionalProperties` allowed.
    PropertyAddedNotCoveredByPartiallyOpenContentModel =
        "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", incompatible;
    /// A required property was added to an object that does not accept
    /// every unknown property.
    RequiredPropertyAddedToUnopenContentModel =
        "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", incompatible;
    /// A required property with a `default` was added to an object that does
    /// not accept every unknown property.
    RequiredPropertyWithDefaultAddedToUnopenContentModel =
        "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL", compatible;
    /// An optional property was added to an object that does not accept
    /// every unknown property.
    OptionalPropertyAddedToUnopenContentModel =
        "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", compatible;
    /// A property was removed from an object that accepts unknown properties.
    PropertyRemovedFromOpenContentModel = "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL", compatible;
    /// A property was removed and `additionalProperties` still reads it.
    PropertyRemovedIsCoveredByPartiallyOpenContentModel =
        "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", compatible;
    /// A property was removed and `additionalProperties` cannot read it.
    PropertyRemovedNotCoveredByPartiallyOpenContentModel =
        "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", incompatible;
    /// A forbidden (`false`) property was removed from an object that
    /// rejects unknown properties.
    PropertyWithFalseRemovedFromClosedContentModel =
        "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL", compatible;
    /// A property was removed from an object that rejects unknown properties.
    PropertyRemovedFromClosedContentModel =
        "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", incompatible;
    /// An optional property became required.
    RequiredAttributeAdded = "REQUIRED_ATTRIBUTE_ADDED", incompatible;
    /// An optional property with a `default` became required.
    RequiredAttributeWithDefaultAdded = "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED", compatible;
    /// A required property became optional.
    RequiredAttributeRemoved = "REQUIRED_ATTRIBUTE_REMOVED", compatible;

    // Objects: `additionalProperties`.
    /// Unknown properties, rejected before, are now allowed (all or some).
    AdditionalPropertiesAdded = "ADDITIONAL_PROPERTIES_ADDED", compatible;
    /// Unknown properties are now rejected.
    AdditionalPropertiesRemoved = "ADDITIONAL_PROPERTIES_REMOVED", incompatible;
    /// Unknown properties, restricted by a schema before, are now allowed.
    AdditionalPropertiesExtended = "ADDITIONAL_PROPERTIES_EXTENDED", compatible;
    /// Unknown properties, allowed before, are now restricted by a schema.
    AdditionalPropertiesNarrowed = "ADDITIONAL_PROPERTIES_NARROWED", incompatible;

    // Objects: `maxProperties` and `minProperties`.
    /// `maxProperties` was added.
    MaxPropertiesAdded = "MAX_PROPERTIES_ADDED", incompatible;
    /// `maxProperties` was removed.
    MaxPropertiesRemoved = "MAX_PROPERTIES_REMOVED", compatible;
    /// `maxProperties` was raised.
    MaxPropertiesIncreased = "MAX_PROPERTIES_INCREASED", compatible;
    /// `maxProperties` was lowered.
    MaxPropertiesDecreased = "MAX_PROPERTIES_DECREASED", incompatible;
    /// `minProperties` was added.
    MinPropertiesAdded = "MIN_PROPERTIES_ADDED", incompatible;
    /// `minProperties` was removed.
    MinPropertiesRemoved = "MIN_PROPERTIES_REMOVED", compatible;
    /// `minProperties` was raised.
    MinPropertiesIncreased = "MIN_PROPERTIES_INCREASED", incompatible;
    /// `minProperties` was lowered.
    MinPropertiesDecreased = "MIN_PROPERTIES_DECREASED", compatible;

    // Arrays.
    /// `items` was added: array items are now restricted.
    SchemaAdded = "SCHEMA_ADDED", incompatible;
    /// `items` was removed: array items are no longer restricted.
    SchemaRemoved = "SCHEMA_REMOVED", compatible;
    /// A tuple item was added to a tuple that takes further items.
    ItemAddedToOpenContentModel = "ITEM_ADDED_TO_OPEN_CONTENT_MODEL", incompatible;
    /// A tuple item was added to a tuple that took no further items.
    ItemAddedToClosedContentModel = "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL", compatible;
    /// A tuple item was removed from a tuple that takes further items.
    ItemRemovedFromOpenContentModel = "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", compatible;
    /// A tuple item was removed from a tuple that takes no further items.
    ItemRemovedFromClosedContentModel = "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL", incompatible;
    /// Items must now be unique.
    UniqueItemsAdded = "UNIQUE_ITEMS_ADDED", incompatible;
    /// Items need no longer be unique.
    UniqueItemsRemoved = "UNIQUE_ITEMS_REMOVED", compatible;
    /// `maxItems` was added.
    MaxItemsAdded = "MAX_ITEMS_ADDED", incompatible;
    /// `maxItems` was removed.
    MaxItemsRemoved = "MAX_ITEMS_REMOVED", compatible;
    /// `maxItems` was raised.
    MaxItemsIncreased = "MAX_ITEMS_INCREASED", compatible;
    /// `maxItems` was lowered.
    MaxItemsDecreased = "MAX_ITEMS_DECREASED", incompatible;
    /// `minItems` was added.
    MinItemsAdded = "MIN_ITEMS_ADDED", incompatible;
    /// `minItems` was removed.
    MinItemsRemoved = "MIN_ITEMS_REMOVED", compatible;
    /// `minItems` was raised.
    MinItemsIncreased = "MIN_ITEMS_INCREASED", incompatible;
    /// `minItems` was lowered.
    MinItemsDecreased = "MIN_ITEMS_DECREASED", compatible;

    // Strings.
    /// `maxLength` was added.
    MaxLengthAdded = "MAX_LENGTH_ADDED", incompatible;
    /// `maxLength` was removed.
    MaxLengthRemoved = "MAX_LENGTH_REMOVED", compatible;
    /// `maxLength` was raised.
    MaxLengthIncreased = "MAX_LENGTH_INCREASED", compatible;
    /// `maxLength` was lowered.
    MaxLengthDecreased = "MAX_LENGTH_DECREASED", incompatible;
    /// `minLength` was added.
    MinLengthAdded = "MIN_LENGTH_ADDED", incompatible;
    /// `minLength` was removed.
    MinLengthRemoved = "MIN_LENGTH_REMOVED", compatible;
    /// `minLength` was raised.
    MinLengthIncreased = "MIN_LENGTH_INCREASED", incompatible;
    /// `minLength` was lowered.
    MinLengthDecreased = "MIN_LENGTH_DECREASED", compatible;
    /// A `pattern` was added.
    PatternAdded = "PATTERN_ADDED", incompatible;
    /// The `pattern` was removed.
    PatternRemoved = "PATTERN_REMOVED", compatible;
    /// The `pattern` changed.
    PatternChanged = "PATTERN_CHANGED", incompatible;

    // Numbers.
    /// `integer` was widened to `number`.
    TypeExtended = "TYPE_EXTENDED", compatible;
    /// `number` was narrowed to `integer`.
    TypeNarrowed = "TYPE_NARROWED", incompatible;
    /// `maximum` was added.
    MaximumAdded = "MAXIMUM_ADDED", incompatible;
    /// `maximum` was removed.
    MaximumRemoved = "MAXIMUM_REMOVED", compatible;
    /// `maximum` was raised.
    MaximumIncreased = "MAXIMUM_INCREASED", compatible;
    /// `maximum` was lowered.
    MaximumDecreased = "MAXIMUM_DECREASED", incompatible;
    /// `minimum` was added.
    MinimumAdded = "MINIMUM_ADDED", incompatible;
    /// `minimum` was removed.
    MinimumRemoved = "MINIMUM_REMOVED", compatible;
    /// `minimum` was raised.
    MinimumIncreased = "MINIMUM_INCREASED", incompatible;
    /// `minimum` was lowered.
    MinimumDecreased = "MINIMUM_DECREASED", compatible;
    /// `exclusiveMaximum` was added.
    ExclusiveMaximumAdded = "EXCLUSIVE_MAXIMUM_ADDED", incompatible;
    /// `exclusiveMaximum` was removed.
    ExclusiveMaximumRemoved = "EXCLUSIVE_MAXIMUM_REMOVED", compatible;
    /// `exclusiveMaximum` was raised.
    ExclusiveMaximumIncreased = "EXCLUSIVE_MAXIMUM_INCREASED", compatible;
    /// `exclusiveMaximum` was lowered.
    ExclusiveMaximumDecreased = "EXCLUSIVE_MAXIMUM_DECREASED", incompatible;
    /// `exclusiveMinimum` was added.
    ExclusiveMinimumAdded = "EXCLUSIVE_MINIMUM_ADDED", incompatible;
    /// `exclusiveMinimum` was removed.
    ExclusiveMinimumRemoved = "EXCLUSIVE_MINIMUM_REMOVED", compatible;
    /// `exclusiveMinimum` was raised.
    ExclusiveMinimumIncreased = "EXCLUSIVE_MINIMUM_INCREASED", incompatible;
    /// `exclusiveMinimum` was lowered.
    ExclusiveMinimumDecreased = "EXCLUSIVE_MINIMUM_DECREASED", compatible;
    /// A `multipleOf` was added.
    MultipleOfAdded = "MULTIPLE_OF_ADDED", incompatible;
    /// The `multipleOf` was removed.
    MultipleOfRemoved = "MULTIPLE_OF_REMOVED", compatible;
    /// The `multipleOf` grew to a multiple of itself.
    MultipleOfExpanded = "MULTIPLE_OF_EXPANDED", incompatible;
    /// The `multipleOf` shrank to a divisor of itself.
    MultipleOfReduced = "MULTIPLE_OF_REDUCED", compatible;
    /// The `multipleOf` changed otherwise.
    MultipleOfChanged = "MULTIPLE_OF_CHANGED", incompatible;

    // `enum` and `const`.
    /// Values were added to an `enum` (or a `const` became an `enum` that
    /// keeps it).
    EnumArrayExtended = "ENUM_ARRAY_EXTENDED", compatible;
    /// Values were removed from an `enum`.
    EnumArrayNarrowed = "ENUM_ARRAY_NARROWED", incompatible;
    /// The values of an `enum` or `const` changed otherwise.
    EnumArrayChanged = "ENUM_ARRAY_CHANGED", incompatible;

    // `oneOf`, `anyOf` and `allOf`.
    /// The combination keyword changed in a way that accepts more.
    CombinedTypeExtended = "COMBINED_TYPE_EXTENDED", compatible;
    /// The combination keyword changed in a way that may accept less.
    CombinedTypeChanged = "COMBINED_TYPE_CHANGED", incompatible;
    /// Some members of a combination have no compatible counterpart.
    CombinedTypeSubschemasChanged = "COMBINED_TYPE_SUBSCHEMAS_CHANGED", incompatible;
    /// A union gained members, or a single type became a union keeping it.
    SumTypeExtended = "SUM_TYPE_EXTENDED", compatible;
    /// A union lost members.
    SumTypeNarrowed = "SUM_TYPE_NARROWED", incompatible;
    /// An `allOf` gained members.
    ProductTypeExtended = "PRODUCT_TYPE_EXTENDED", incompatible;
    /// An `allOf` lost members (or was reduced to one of them), or an `enum`
    /// of strings became any string.
    ProductTypeNarrowed = "PRODUCT_TYPE_NARROWED", compatible;
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::Rule;

    /// `TypeChanged` -> `TYPE_CHANGED`.
    fn screaming_snake(name: &str) -> String {
        let mut id = String::new();
        for (index, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() && index > 0 {
                id.push('_');
            }
            id.push(c.to_ascii_uppercase());
        }
        id
    }

    #[test]
    fn each_rule_id_spells_its_variant() {
        for rule in Rule::ALL {
            assert_eq!(rule.as_str(), screaming_snake(&format!("{rule:?}")));
            assert_eq!(rule.to_string(), rule.as_str());
        }
    }

    #[test]
    fn rule_ids_are_unique() {
        let ids: HashSet<&str> = Rule::ALL.iter().map(|rule| rule.as_str()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
        assert_eq!(Rule::ALL.len(), 88);
    }

    #[test]
    fn a_bound_loosened_is_compatible_and_tightened_is_not() {
        assert!(Rule::MaxLengthIncreased.compatible());
        assert!(!Rule::MaxLengthDecreased.compatible());
        assert!(!Rule::MinLengthIncreased.compatible());
        assert!(Rule::MinLengthDecreased.compatible());
        assert!(!Rule::MinimumAdded.compatible());
        assert!(Rule::MinimumRemoved.compatible());
    }
}
